def test_it_shows_the_front_door_in_dutch(client, db):
    response = client.get("/")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'lang="nl"' in text
    assert "Casusregistratie en verantwoording" in text


def test_it_shows_the_front_door_in_english_when_asked(client, db):
    response = client.get("/", headers={"accept-language": "en"})
    assert 'lang="en"' in response.content.decode()
    assert "Case management and reporting" in response.content.decode()
