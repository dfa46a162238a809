"""/api/v2/: the endpoints, registered on Wagtail's API router."""

from wagtail.api.v2.router import WagtailAPIRouter

from api.endpoints import ProductsEndpoint, VendorsEndpoint
from api.showroom_endpoints import ExhibitionsEndpoint, VenuesEndpoint
from api.taxonomy_endpoints import CategoriesEndpoint, RegionsEndpoint, SentraEndpoint

api_router = WagtailAPIRouter("publicapi")
for endpoint in (
    ProductsEndpoint,
    VendorsEndpoint,
    CategoriesEndpoint,
    RegionsEndpoint,
    SentraEndpoint,
    ExhibitionsEndpoint,
    VenuesEndpoint,
):
    api_router.register_endpoint(endpoint.name, endpoint)
