"""Onboard an IKM and its owners in one step (idempotent):

    manage.py onboard_ikm "Batik Ibu Siti" --region "Kabupaten Cirebon" \
        --owner "Siti Aminah <siti@example.com>" [--owner ...] [--whatsapp 0812...] [--publish]

Creates or updates the IKM's profile page under /ikm/, its group and collection with their
permissions, and the owners' accounts; new owners are emailed a set-password link.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from catalog.onboarding import PROFILE_FIELDS, onboard_ikm


class Command(BaseCommand):
    help = "Create or update an IKM, its group, collection and owners; invite new owners."

    def add_arguments(self, parser):
        parser.add_argument("title", help="The IKM's name.")
        parser.add_argument("--region", required=True, help="Region name or slug.")
        parser.add_argument("--slug", default="", help="URL slug (default: from the name).")
        parser.add_argument(
            "--owner",
            action="append",
            default=[],
            help='An owner: "Name <email>" or an email address. Repeatable.',
        )
        for name in PROFILE_FIELDS:
            if name != "sentra":
                parser.add_argument(f"--{name.replace('_', '-')}", dest=name, default=None)
        parser.add_argument("--publish", action="store_true", help="Publish the profile now.")
        parser.add_argument(
            "--no-invite", action="store_true", help="Do not email new owners (tests, imports)."
        )

    def handle(self, *args, **options):
        profile = {name: options.get(name) for name in PROFILE_FIELDS if options.get(name)}
        try:
            result = onboard_ikm(
                options["title"],
                options["region"],
                options["owner"],
                slug=options["slug"],
                publish=options["publish"],
                invite=not options["no_invite"],
                **profile,
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        state = (
            "created" if result.created_vendor else "updated" if result.updated_vendor else "same"
        )
        self.stdout.write(
            f"IKM {result.vendor.title} ({state}), group {result.group.name}, "
            f"collection {result.collection.name}, owners: "
            f"{', '.join(u.username for u in result.users) or '-'}; "
            f"invited: {', '.join(u.email for u in result.invited) or '-'}."
        )
