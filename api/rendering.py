"""How API answers are written: compact JSON.

Wagtail's API views pretty-print their JSON with an indent of four. Indented output cannot use
the C encoder of Python's json module, so writing a list of twenty cards took several
milliseconds in pure Python, and the whitespace made up a fifth of its bytes. Clients parse
the JSON; people reading it in a browser get DRF's browsable page, which formats it anyway.
"""


class CompactJSON:
    def get_renderer_context(self):
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context
