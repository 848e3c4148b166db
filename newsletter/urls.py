"""/<lang>/newsletter/…, inside the language prefixes (steppe/urls.py)."""

from django.urls import path

from newsletter import views

urlpatterns = [
    path("", views.newsletter_home, name="newsletter-home"),
    path("subscribe/", views.subscribe, name="newsletter-subscribe"),
    path("confirm/<str:token>/", views.confirm, name="newsletter-confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="newsletter-unsubscribe"),
]
