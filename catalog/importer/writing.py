"""Writing a checked import: all rows in one transaction, or (skip-invalid) the good rows
while the refused ones are listed."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from catalog.models import (
    CatalogImage,
    Category,
    Material,
    ProductGalleryImage,
    ProductPage,
    Region,
)
from catalog.ownership import ensure_vendor_collection, vendor_group

from .planning import PAGE_TREE_FIELDS, region_display
from .report import ImportFailed


class Writer:
    def commit(self, data, filename, progress=None):
        """Plan again and write the rows in one transaction. ImportFailed when any row fails,
        unless `skip_invalid`: then the good rows are written and the others listed in
        `report.refused` (a problem with the file itself still stops everything)."""
        with transaction.atomic():
            report = self.plan(data, filename)
            if report.file_errors or (not report.ok and not self.skip_invalid):
                raise ImportFailed(report)
            report.new_names = {}  # from here on: what was created, not what would be
            rows = progress(report.rows) if progress else report.rows
            for plan in rows:
                try:
                    with transaction.atomic():
                        self.commit_row(plan, report)
                except ValidationError as error:
                    report.error(plan.row, "", "; ".join(error.messages))
                    report.refused.append((plan.row, plan.ikm, plan.name))
                    if not self.skip_invalid:
                        break
            if not report.ok and not self.skip_invalid:
                transaction.set_rollback(True)
                raise ImportFailed(report)
        return report

    def ensure_region(self, name, report):
        region = self.find_region(name)
        if region is None:
            name = region_display(name)
            kind = Region.Kind.KOTA if name.lower().startswith("kota") else Region.Kind.KABUPATEN
            region = Region.objects.create(name=name, kind=kind)
            report.note_new("region", region.name)
        return region

    def ensure_taxonomy(self, plan, report):
        category_name, sub_name = plan.category_path
        category = self.find_category(category_name)
        if category is None:
            category = Category.objects.create(name=category_name)
            report.note_new("category", category.name)
        if sub_name:
            sub = self.find_category(sub_name, category)
            if sub is None:
                sub = Category.objects.create(name=sub_name, parent=category)
                report.note_new("category", f"{category_name} › {sub_name}")
            category = sub
        materials = []
        for material in plan.materials:
            if not isinstance(material, Material):
                material, created = Material.objects.get_or_create(
                    slug=slugify(material)[:120], defaults={"name": material}
                )
                if created:
                    report.note_new("material", material.name)
            materials.append(material)
        return category, materials

    def commit_row(self, plan, report):
        from catalog.onboarding import onboard_ikm

        vendor = plan.vendor or self.find_vendor(plan.ikm)
        if vendor is None:
            region = self.ensure_region(plan.region, report)
            vendor = onboard_ikm(plan.ikm, region, publish=self.publish, invite=False).vendor
            report.new_vendors.append(vendor)
            report.note_new("ikm", vendor.title)
        category, materials = self.ensure_taxonomy(plan, report)
        product = plan.product or self.match(vendor, plan.values.get("sku"), plan.name)
        if product is None:
            page = ProductPage(slug=self.free_slug(vendor, plan.name), live=False)
            self.apply(page, plan, category)
            page.owner = self.user
            vendor.add_child(instance=page)
            report.created += 1
            action = "create"
        else:
            page = product.get_latest_revision_as_object()
            self.apply(page, plan, category)
            report.updated += 1
            action = "update"
        page.materials = materials
        if plan.tags:
            page.tags.set(plan.tags)
        if plan.images:
            page.gallery_images = [
                ProductGalleryImage(image=image, sort_order=n)
                for n, image in enumerate(self.store_images(vendor, plan, report))
            ]
        page.full_clean(exclude=PAGE_TREE_FIELDS)
        revision = page.save_revision(user=self.user)
        if self.publish:
            revision.publish(user=self.user)
            report.published += 1
        elif not self.is_operator:
            self.submit(page, report)
        report.done.append((plan.row, action, vendor.title, plan.name))

    def submit(self, page, report):
        """Submit to the page's workflow (Kurasi) as the owner, restarting one in progress."""
        page = ProductPage.objects.get(pk=page.pk)
        workflow = page.get_workflow()
        if workflow is None:
            return
        current = page.current_workflow_state
        if current is not None:
            current.cancel(user=self.user)
        workflow.start(page, self.user)
        report.submitted += 1

    def free_slug(self, vendor, name):
        base = slugify(name)[:200] or "produk"
        slug, n = base, 1
        siblings = ProductPage.objects.child_of(vendor)
        while siblings.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def store_images(self, vendor, plan, report):
        collection = ensure_vendor_collection(vendor, vendor_group(vendor))
        images = []
        for name, data, width, height, extension in plan.images:
            image = CatalogImage(
                title=f"{plan.name} ({PurePosixPath(name).stem})"[:255],
                description=plan.name[:255],
                collection=collection,
                width=width,
                height=height,
                file=ContentFile(
                    data, name=f"{slugify(PurePosixPath(name).stem) or 'foto'}.{extension}"
                ),
                uploaded_by_user=self.user,
            )
            image._set_file_hash()
            existing = CatalogImage.objects.filter(
                collection=collection, file_hash=image.file_hash
            ).first()
            if existing is not None:
                images.append(existing)
                continue
            image.save()
            report.images += 1
            images.append(image)
        return images
