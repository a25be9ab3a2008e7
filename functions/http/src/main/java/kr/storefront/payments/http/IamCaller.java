package kr.storefront.payments.http;

/** The IAM principal that signed the request (SigV4), for routes behind API Gateway's AWS_IAM authorizer. */
public record IamCaller(String arn) {
}
