# Varnish in front of Etalase IKM (gunicorn): keeps what the app marks for shared caches and
# drops it by tag when the app purges (pagecache/frontends.py, XkeyBackend).
#
#   apt install varnish varnish-modules      # Debian's packages; xkey is in varnish-modules
#   varnishd -a :80 -f /etc/varnish/etalase.vcl -s malloc,1g
#   VARNISH_URL=http://127.0.0.1:80          # in the app's environment: purges go here
#
# The rules mirror the app's own page cache (pagecache/middleware.py): a response is kept only
# when the app sent `s-maxage` (anonymous GET/HEAD, 200, no cookie set, no CSRF token), for that
# long; its `xkey` header names its tags. Requests of logged-in users (session or messages
# cookie), with Authorization, other methods, the admin and counted label visits (?src=) pass.
vcl 4.1;

import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may purge: the app's own hosts.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.http.xkey-purge) {
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.x-purged));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|dokumen)/" || req.url ~ "[?&]src=") {
        return (pass);
    }
    # Other cookies (the CSRF token, consent) do not change an anonymous page: look it up.
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.host);
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_backend_response {
    if (beresp.http.Cache-Control !~ "s-maxage" || beresp.http.Set-Cookie) {
        # Not for shared caches: do not keep it, and do not queue requests behind it.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The tags are for this cache only.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
}
