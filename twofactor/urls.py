from django.urls import path

from twofactor import views

# Mounted inside the Wagtail admin (wagtail_hooks.register_admin_urls), so every view here needs
# an editor's login; the middleware decides which of them a session owing a code may open.
urlpatterns = [
    path("", views.StatusView.as_view(), name="twofactor_status"),
    path("setup/", views.SetupView.as_view(), name="twofactor_setup"),
    path("backup-codes/", views.BackupCodesView.as_view(), name="twofactor_backup_codes"),
    path("verify/", views.VerifyView.as_view(), name="twofactor_verify"),
    path("disable/", views.DisableView.as_view(), name="twofactor_disable"),
]
