"""Errors shown to the user in the browser."""

import html


def user_error(gr, message: str):
    # Gradio renders error text as HTML, and messages can carry file or document names.
    return gr.Error(html.escape(message))
