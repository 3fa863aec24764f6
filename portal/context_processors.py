from portal.i18n.context import language_context


def site(request):
    return language_context(request)
