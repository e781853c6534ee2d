"""The demo has a public page for every region, with its team lead as the contact person."""

from django.urls import reverse

from kansrijk.accounts.constants import Role
from kansrijk.organisations.models import Region, RegionPage


def test_every_demo_region_has_a_published_page(demo, client):
    regions = Region.objects.count()
    pages = RegionPage.objects.select_related("region")

    assert regions > 1
    assert pages.filter(is_published=True).count() == regions
    for page in pages:
        lead = page.region.users.filter(role=Role.TEAM_LEAD).first()
        assert lead is not None, page.region
        assert page.contact_name == lead.get_full_name()
        assert page.region.name in page.introduction
    haaglanden = pages.get(region__name="Haaglanden")
    response = client.get(reverse("regions:page", args=[haaglanden.slug]))
    assert response.status_code == 200
    assert "Marloes Verhagen" in response.content.decode()
