"""The demo IKM (demo/data/ikm.json): a published profile with its logo, cover, showroom
picture and certificates, and an owner onboarded through the same service operators use.

The spreadsheet importer only names an IKM; everything a buyer reads on the IKM's page (story,
contact, NIB, shipping, certificates) is the profile built here.
"""

from django.utils.text import slugify

from catalog.models import VendorCertificate, VendorGalleryImage, VendorPage
from catalog.onboarding import Owner, onboard_ikm
from catalog.ownership import ensure_vendor_collection
from demo import pictures
from demo.accounts import ensure_user, owner_username
from demo.content import certificate, ensure_image
from demo.data import picture

PROFILE_FIELDS = (
    "owner_names",
    "story",
    "address",
    "postal_code",
    "whatsapp",
    "nib",
    "year_founded",
    "workforce",
    "monthly_capacity",
    "export_ready",
)


def add_and_publish(parent, page):
    """Create `page` as a draft under `parent`, then publish a revision, as an editor would.

    (Validation runs once, in save_revision; a live page would be validated on creation too.)
    """
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()


def build_vendor(data, showcase, vendor_index, taxonomy, report):
    """The IKM of `data`, created and published when missing. `showcase` is the (picture,
    alt) of its first products, drawn together as the picture of its showroom."""
    slug = slugify(data["title"])
    vendor = VendorPage.objects.child_of(vendor_index).filter(slug=slug).first()
    if vendor is not None:
        return vendor, False
    kind, options = picture(data["style"])
    vendor = VendorPage(
        title=data["title"],
        slug=slug,
        listing_summary=data["summary"],
        region=taxonomy.regions[data["region"]],
        sentra=taxonomy.sentra.get(data["sentra"]) if data["sentra"] else None,
        phone=data.get("phone", ""),
        email=f"{data['key']}@example.com",
        sells_online=data.get("sells_online", False),
        **{name: data[name] for name in PROFILE_FIELDS},
        **data.get("english", {}),
        **data.get("shipping", {}),
    )
    collection = ensure_vendor_collection(vendor)
    vendor.logo = ensure_image(
        f"Logo {data['title']}",
        collection,
        f"Logo {data['title']}: huruf {data['initials']} di dalam lingkaran",
        lambda: pictures.logo_image(
            data["title"], palette_name=options.get("palette"), text=data["initials"]
        ),
        report,
    )
    vendor.cover_image = ensure_image(
        f"Sampul {data['title']}",
        collection,
        f"Sampul {data['title']}: pola batik {taxonomy.motif_names[options['motif']]} dan "
        f"{data['cover_alt']}",
        lambda: pictures.cover_image(kind, data["key"], **options),
        report,
    )
    showcase_alt = "; ".join(alt for _picture, alt in showcase)
    gallery_image = ensure_image(
        f"Etalase {data['title']}",
        collection,
        f"Empat produk {data['title']}: {showcase_alt}"[:255],
        lambda: pictures.showcase_image([spec for spec, _alt in showcase], data["key"]),
        report,
    )
    vendor.gallery_images = [
        VendorGalleryImage(image=gallery_image, caption="Sebagian produk kami", sort_order=0)
    ]
    vendor.certificates = [
        certificate(VendorCertificate, taxonomy, spec, n)
        for n, spec in enumerate(data["certificates"])
    ]
    add_and_publish(vendor_index, vendor)
    report.vendors_created += 1
    return vendor, True


def onboard_owner(data, vendor, report):
    """The IKM's demo owner, given exactly an owner's rights by the onboarding service."""
    owner = ensure_user(
        owner_username(data["key"]),
        report,
        first_name=data["owner_user"][0],
        last_name=data["owner_user"][1],
        email=f"pemilik.{data['key']}@example.com",
    )
    onboard_ikm(
        vendor.title,
        vendor.region,
        [Owner(email=owner.email, username=owner.username)],
        slug=vendor.slug,
        invite=False,
    )
    return owner
