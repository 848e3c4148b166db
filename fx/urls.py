"""fx URLs: the rates page goes inside i18n_patterns (/en/fx/), the API outside it (/api/fx/...)."""

from django.urls import path

from fx import api, views

page_patterns = [path("", views.rates_page, name="fx-rates")]

api_patterns = [
    path("latest", api.latest, name="fx-api-latest"),
    path("history", api.history, name="fx-api-history"),
    path("openapi.json", api.openapi, name="fx-api-openapi"),
]
