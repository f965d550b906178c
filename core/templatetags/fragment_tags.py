"""{% fragment %}: a part of a page worked out once per content change (core.fragments).

    {% load fragment_tags %}
    {% fragment "article-body" page.pk page.live_revision_id %}
        {% include "includes/body.html" %}
    {% endfragment %}

The first argument names the part, the others what it shows besides the generation (see
core.fragments.cached): ids and revisions, never whole objects. A preview is rendered afresh.
A part that changes with time says until when it holds (a datetime, or None):

    {% fragment "listing" request.get_full_path until=listing_until %}
"""

from django import template

from core.fragments import cached, valid_until

register = template.Library()


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs the part's name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    until = None
    if bits[-1].startswith("until="):
        until = parser.compile_filter(bits.pop().removeprefix("until="))
    parts = [parser.compile_filter(bit) for bit in bits[2:]]
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), parts, until)


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts, until=None):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts
        self.until = until

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = [str(part.resolve(context)) for part in self.parts]
        return cached(self.name.resolve(context), parts, lambda: self._render(context))

    def _render(self, context):
        if self.until is not None:
            valid_until(self.until.resolve(context))
        return self.nodelist.render(context)
