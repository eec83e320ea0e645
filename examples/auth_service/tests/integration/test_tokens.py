"""Token issuing against the real auth service.

Business Value Justification (BVJ):
- Segment: Platform/Internal
- Business Goal: Stability
- Value Impact: Every service can verify tokens
- Strategic Impact: Auth outages stop all traffic
"""
import requests

from test_framework.ssot import SSotBaseTestCase


class TokenTests(SSotBaseTestCase):
    """Talks to the real token endpoint; no mocks, no fakes."""

    def test_issue_read_token(self):
        response = requests.post(f"{self.api_url}/tokens", json={"scope": "read"}, timeout=10)
        self.assertEqual(response.status_code, 201)

    def test_issue_write_token(self):
        response = requests.post(f"{self.api_url}/tokens", json={"scope": "write"}, timeout=10)
        self.assertEqual(response.status_code, 201)

    def test_issue_admin_token(self):
        response = requests.post(f"{self.api_url}/tokens", json={"scope": "admin"}, timeout=10)
        self.assertEqual(response.status_code, 201)

    def test_issue_billing_token(self):
        response = requests.post(f"{self.api_url}/tokens", json={"scope": "billing"}, timeout=10)
        self.assertEqual(response.status_code, 201)

    def test_issue_reports_token(self):
        response = requests.post(f"{self.api_url}/tokens", json={"scope": "reports"}, timeout=10)
        self.assertEqual(response.status_code, 201)

    def test_issue_audit_token(self):
        response = requests.post(f"{self.api_url}/tokens", json={"scope": "audit"}, timeout=10)
        self.assertEqual(response.status_code, 201)

    def test_issue_export_token(self):
        response = requests.post(f"{self.api_url}/tokens", json={"scope": "export"}, timeout=10)
        self.assertEqual(response.status_code, 201)

    def test_issue_import_token(self):
        response = requests.post(f"{self.api_url}/tokens", json={"scope": "import"}, timeout=10)
        self.assertEqual(response.status_code, 201)

    def test_issue_search_token(self):
        response = requests.post(f"{self.api_url}/tokens", json={"scope": "search"}, timeout=10)
        self.assertEqual(response.status_code, 201)

    def test_issue_upload_token(self):
        response = requests.post(f"{self.api_url}/tokens", json={"scope": "upload"}, timeout=10)
        self.assertEqual(response.status_code, 201)

    def test_issue_download_token(self):
        response = requests.post(f"{self.api_url}/tokens", json={"scope": "download"}, timeout=10)
        self.assertEqual(response.status_code, 201)

    def test_issue_share_token(self):
        response = requests.post(f"{self.api_url}/tokens", json={"scope": "share"}, timeout=10)
        self.assertEqual(response.status_code, 201)

    def test_issue_delete_token(self):
        response = requests.post(f"{self.api_url}/tokens", json={"scope": "delete"}, timeout=10)
        self.assertEqual(response.status_code, 201)
