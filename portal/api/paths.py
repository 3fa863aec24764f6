"""Where the API lives: outside the language prefixes, versioned."""

API_PREFIX = "/api/"
API_ROOT = "/api/v1/"


def is_api_path(path: str) -> bool:
    return path.startswith(API_PREFIX)
