"""The open data API at /api/v1/: read-only, anonymous, described by its OpenAPI document.

Content apps register what they expose in their own `api.py` (autodiscovered by PortalConfig,
as `search.py` is): a ninja Router with their list and detail operations, which read content
through the app's own selectors and QuerySet methods as its pages do, and the records their bulk
download holds. `portal` never imports a content app.
"""

from .registry import ApiResource, register_resource

__all__ = ["ApiResource", "register_resource"]
