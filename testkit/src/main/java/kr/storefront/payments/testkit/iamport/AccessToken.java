package kr.storefront.payments.testkit.iamport;

/** An issued access token and its expiry in UNIX seconds. */
record AccessToken(String value, long expiredAt) {

    AccessToken extendedBy(long seconds) {
        return new AccessToken(value, expiredAt + seconds);
    }

    @Override
    public String toString() {
        return "AccessToken[value=***, expiredAt=" + expiredAt + "]";
    }
}
