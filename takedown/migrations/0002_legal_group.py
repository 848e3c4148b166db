"""Who may take articles down: a "Legal" group, and the Moderators group Wagtail creates.

Reversing stays with admins (superusers) until a group is given "Can reverse a takedown".
"""

from django.db import migrations

TAKE_DOWN = [("add_takedown", "Can add takedown"), ("view_takedown", "Can view takedown")]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Permissions are made after migrations run (post_migrate): made here for the groups.
    takedown_type, _ = ContentType.objects.get_or_create(app_label="takedown", model="takedown")
    permissions = [
        Permission.objects.get_or_create(content_type=takedown_type, codename=code, defaults={"name": name})[0]
        for code, name in TAKE_DOWN
    ]
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )[0]
    legal, _ = Group.objects.get_or_create(name="Legal")
    legal.permissions.add(access_admin, *permissions)
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        moderators.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="Legal").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("takedown", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
