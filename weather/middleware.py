from .refresher import ensure_refresher_started


class WeatherRefreshMiddleware:
    """Starts the refresher when the server loads (runserver, each gunicorn worker), and again
    in a process forked after loading (gunicorn --preload)."""

    def __init__(self, get_response):
        self.get_response = get_response
        ensure_refresher_started()

    def __call__(self, request):
        ensure_refresher_started()
        return self.get_response(request)
