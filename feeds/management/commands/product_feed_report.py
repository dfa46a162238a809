"""How many products the shopping feeds carry, and how many they leave out and why."""

from django.core.management.base import BaseCommand
from django.test import RequestFactory
from django.utils import translation

from feeds.products import FeedProducts


class Command(BaseCommand):
    help = (
        "Counts the products in the Google and Meta feeds and those left out "
        "(price on request, no photo)."
    )

    def handle(self, *args, **options):
        with translation.override("id"):
            products = FeedProducts(RequestFactory().get("/feeds/google.xml"))
            included = sum(1 for _ in products)
        self.stdout.write(f"Products in the feeds: {included}")
        self.stdout.write(f"Left out, price on request: {products.on_request}")
        self.stdout.write(f"Left out, without a photo: {products.no_image}")
