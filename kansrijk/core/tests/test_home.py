def test_it_shows_the_front_door_in_dutch(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "Kansrijk" in response.content.decode()
    assert 'lang="nl"' in response.content.decode()
