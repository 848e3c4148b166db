"""The newsletter in the Wagtail admin: the Newsletter menu lists issues (newsletter.admin_views)."""

from wagtail.snippets.models import register_snippet

from newsletter.admin_views import IssueViewSet

register_snippet(IssueViewSet)
