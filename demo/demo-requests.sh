# Email/password login (seed 004), demo user of the demo realm (demo-only credentials):
curl -s -X POST "$BASE/realms/demo/fintech/user/login" -H 'Content-Type: application/json' -d '{"emailId": "demo.user@fintech.example", "password": "Demo-Pass-004"}'

# Get Token API: the demo app MOB-APP gets its app token (demo-only secret):
curl -s -X POST "$BASE/realms/demo/fintech/market-place/v1/token" -H 'X-API-KEY: MOB-APP' -H 'X-API-SECRET: demo-mob-app-secret'

# Mobile sign-in (seed 000), the document's sample body, with a fresh app token:
APP_TOKEN=$(curl -s -X POST "$BASE/realms/demo/fintech/market-place/v1/token" -H 'X-API-KEY: MOB-APP' -H 'X-API-SECRET: demo-mob-app-secret' | sed -E 's/.*"token":"([^"]+)".*/\1/')
curl -s -X POST "$BASE/realms/demo/fintech/lending/v1/token" -H 'X-API-KEY: MOB-APP' -H "X-API-TOKEN: $APP_TOKEN" --data-raw "{\"token\": \"$APP_TOKEN\", \"mobile\": \"9999097535\",}"

# PIN login (seed 001), the document's sample body, with a fresh app token of MOB-APP-2001 (demo-only secret):
APP_TOKEN=$(curl -s -X POST "$BASE/realms/demo/fintech/market-place/v1/token" -H 'X-API-KEY: MOB-APP-2001' -H 'X-API-SECRET: demo-mob-app-2001-secret' | sed -E 's/.*"token":"([^"]+)".*/\1/')
curl -s -X POST "$BASE/realms/demo/fintech/onboarding/user/v2/login" -H "X-API-TOKEN: $APP_TOKEN" -H 'X-API-KEY: MOB-APP-2001' -H 'X-ACCOUNT-NUMBER: 100' --data-raw "{\"keyRef\": \"\", \"pin\": \"1111\", \"signInMode\": 1, \"token\": \"$APP_TOKEN\", \"authType\": \"1\", \"deviceId\": \"anid:lIWuLfmQ7Qmb+Ond5gzXdtMvxyX8EnevuDO/Ggpl7S8=:f3bb\"}"

# Card-portal login (seed 002), the document's request shape for the demo affiliate; checksum = sha256(mobile_no . password . checksum secret) (demo-only processor key and secret):
curl -s -X POST "$BASE/realms/demo/fintech/airpay/ms/cards/api/user-login" --header 'processor-key: demo-processor-key-002' --header 'affiliate: 91f5evhk72f56432ec678sdfes685h42sd2t21k430912508233b7r37562g2hps' --header "checksum: $(printf '%s' '9100000978Apswd@1234demo-checksum-secret-002' | openssl dgst -sha256 | sed 's/^.*= //')" --header 'Content-Type: application/x-www-form-urlencoded' --data-urlencode 'mobile_no=9100000978' --data-urlencode 'password=Apswd@1234'
