# Email/password login (seed 004), demo user of the demo realm (demo-only credentials):
curl -s -X POST "$BASE/realms/demo/fintech/user/login" -H 'Content-Type: application/json' -d '{"emailId": "demo.user@fintech.example", "password": "Demo-Pass-004"}'
