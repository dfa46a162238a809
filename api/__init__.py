"""The read-only public API at /api/v2/ (Wagtail's API v2): products, IKM, categories, regions,
sentra, exhibitions and venues, for reuse by the Dinas, the province and marketplaces.

A package of its own, not an installed app (it has no models): it imports catalog, search and
showroom, which catalog may not do (see DESIGN.md). The fields each endpoint shows are named
on its viewset (`body_fields`, Wagtail's APIField) rather than as `api_fields` on the models,
for the same reason: the custom fields need this package's serializers.
"""
