"""Admin hooks that refuse, with a message, what the embargo forbids (news.embargo).

The model refuses anyway (ArticlePage.publish); these hooks make the refusal a message on the
page the editor is on instead of an error page, and keep the draft the editor just saved.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from news.embargo import held_until, local_time, refusal


@hooks.register("before_publish_page")
def refuse_embargoed_publish(request, page):
    # Runs after the edit (or create) view saved the new revision: the draft is kept.
    if not hasattr(page, "embargo"):
        return None
    reason = refusal(page, page.latest_revision)
    if reason is None:
        return None
    messages.error(request, reason)
    return redirect("wagtailadmin_pages:edit", page.pk)


def embargoed_among(pages, include_descendants: bool) -> list:
    """The articles a bulk publish would make public now although their embargo holds."""
    from news.models import ArticlePage

    found = []
    for page in pages:
        page = page.specific
        candidates = [page]
        if include_descendants:
            candidates += list(ArticlePage.objects.descendant_of(page).not_live())
        found += [c for c in candidates if isinstance(c, ArticlePage) and refusal(c, c.latest_revision)]
    return found


@hooks.register("before_bulk_action")
def refuse_embargoed_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    form = getattr(action_class_instance, "cleaned_form", None)
    descendants = bool(form and form.cleaned_data.get("include_descendants"))
    held = embargoed_among(objects, descendants)
    if not held:
        return None
    names = "; ".join(
        _("“%(title)s” (until %(time)s)")
        % {
            "title": page.draft_title or page.title,
            "time": local_time(held_until(page, page.latest_revision)),
        }
        for page in held
    )
    messages.error(
        request,
        _("Nothing was published: these articles are embargoed: %(names)s. Leave them out of the selection.")
        % {"names": names},
    )
    return redirect(action_class_instance.next_url)


@hooks.register("after_edit_page")
def tell_approver_the_embargo_holds(request, page):
    # A final approval of an embargoed article schedules it for the embargo's end
    # (news.embargo.finish_workflow); say so, or the approver would expect it live.
    if not request.POST.get("action-workflow-action") or not hasattr(page, "embargo"):
        return None
    revision = page.revisions.filter(approved_go_live_at__isnull=False).first()
    if revision is not None and page.embargo and not page.live:
        messages.warning(
            request,
            _("Approved. The article is embargoed: it will be published at %(time)s.")
            % {"time": local_time(revision.approved_go_live_at)},
        )
    return None
