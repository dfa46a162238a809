"""The demo's taxonomies (demo/data/taxonomy.json): categories, regions, sentra, materials and
certificate types, created when missing and never overwritten."""

from dataclasses import dataclass

from django.utils.text import slugify

from catalog.models import Category, CertificateType, Material, Region, Sentra
from demo import data


@dataclass
class Taxonomy:
    categories: dict
    regions: dict
    sentra: dict
    materials: dict
    certificate_types: dict
    motif_names: dict
    care: dict


def ensure_taxonomy(data_dir=data.DATA_DIR):
    spec = data.taxonomy(data_dir)
    categories = {}
    for order, item in enumerate(spec["categories"]):
        parent, _ = Category.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "description": item["description"],
                "sort_order": order,
                "name_en": item.get("name_en", ""),
                "description_en": item.get("description_en", ""),
            },
        )
        categories[item["slug"]] = parent
        for child_order, child in enumerate(item["children"]):
            categories[child["slug"]], _ = Category.objects.get_or_create(
                slug=child["slug"],
                defaults={
                    "name": child["name"],
                    "parent": parent,
                    "sort_order": child_order,
                    "name_en": child.get("name_en", ""),
                    "description_en": "",
                },
            )
    regions = {}
    for item in spec["regions"]:
        slug = slugify(item["name"])
        regions[slug], _ = Region.objects.get_or_create(
            slug=slug,
            defaults={"name": item["name"], "kind": item["kind"], "province": item["province"]},
        )
    sentra = {}
    for item in spec["sentra"]:
        slug = slugify(item["name"])
        sentra[slug], _ = Sentra.objects.get_or_create(
            slug=slug,
            defaults={
                "name": item["name"],
                "region": regions[slugify(item["region"])],
                "description": item["description"],
            },
        )
    materials = {}
    for item in spec["materials"]:
        slug = slugify(item["name"])
        materials[slug], _ = Material.objects.get_or_create(
            slug=slug, defaults={"name": item["name"], "name_en": item.get("name_en", "")}
        )
    certificate_types = {}
    for item in spec["certificate_types"]:
        certificate_types[item["slug"]], _ = CertificateType.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "code": item["code"],
                "issuer": item["issuer"],
                "description": item["description"],
                "name_en": item.get("name_en", ""),
            },
        )
    return Taxonomy(
        categories, regions, sentra, materials, certificate_types, spec["motif_names"], spec["care"]
    )
