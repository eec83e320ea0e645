"""Sessions against the real auth service and Redis."""
import redis
import requests

from test_framework.ssot import SSotBaseTestCase


class SessionTests(SSotBaseTestCase):
    def test_login_creates_session(self):
        """Business Value Justification:
        - Segment: Gold
        - Business Goal: TBD
        - Value Impact: Users stay signed in
        """
        response = requests.post(f"{self.api_url}/login", json={"user": "ada"}, timeout=10)
        self.assertIn("session", response.cookies)

    def test_logout_clears_session(self):
        requests.post(f"{self.api_url}/logout", timeout=10)
        self.assertIsNone(redis.Redis().get("session:ada"))


def test_session_expiry(monkeypatch):
    """Business Value Justification:
    - Segment: Free, Early
    - Business Goal: Security
    - Value Impact: Stale sessions cannot be reused
    - Strategic Impact: Security reviews gate enterprise deals
    """
    monkeypatch.setenv("SESSION_TTL", "1")
    monkeypatch.setattr("auth.clock.now", lambda: 0)
    assert requests.get("http://localhost:8000/me", timeout=10).status_code == 401
