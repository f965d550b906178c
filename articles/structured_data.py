"""An article described for search engines: a schema.org NewsArticle."""

from core.structured_data import description_of, publisher, share_image

from .feeds import published_at, updated_at


def news_article(page, request) -> dict:
    url = page.get_full_url(request)
    data = {
        "@type": "NewsArticle",
        "headline": page.title,
        "description": description_of(page),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": published_at(page).isoformat(),
        "dateModified": updated_at(page).isoformat(),
        "inLanguage": "de",
        "author": publisher(request),
        "publisher": publisher(request),
    }
    if page.category:
        data["articleSection"] = page.category.name
    image = share_image(page, request)
    if image:
        data["image"] = [image["url"]]
    return data
