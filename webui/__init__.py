"""The web app's parts: one module per tab (chat, documents, evaluation, embed) plus the named API endpoints.

ui.py assembles them. Each builder takes the gradio module as `gr` instead of importing it, so that
`import webui.*` stays as cheap as `import ui` and gradio still sees GRADIO_ANALYTICS_ENABLED first.
No `from __future__ import annotations` in these modules: Gradio reads real annotations (gr.LikeData, gr.Request,
gr.api types).
"""
