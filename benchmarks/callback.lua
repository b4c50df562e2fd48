-- wrk script: POST the vendor's example callback as JSON.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"asset":"sigma_vtv1","user":"example_user","session":"example_session","drmScheme":"WIDE_VINE","requestMetadata":{"remoteAddr":"113.190.233.178","userAgent":"Mozilla/5.0"}}'
