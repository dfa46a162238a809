"""Create the site's roles and the Kurasi workflow: `manage.py setup_roles` (idempotent).

Run it once after `migrate` on a new site (onboarding and the demo catalog run it too).
"""

from django.core.management.base import BaseCommand

from catalog.ownership import ensure_roles


class Command(BaseCommand):
    help = "Create the Kurator and Operator groups and the Kurasi workflow on /ikm/ (idempotent)."

    def handle(self, *args, **options):
        roles = ensure_roles()
        self.stdout.write(
            f"Groups: {roles['curators'].name}, {roles['operators'].name}; "
            f"workflow: {roles['workflow'].name}."
        )
