package kr.storefront.payments.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin allow-list: exact ARNs, a role admitting its sessions, and no one when empty. */
class AdminPrincipalsTest {

    private final AdminPrincipals admins = new AdminPrincipals(List.of(" arn:aws:iam::123456789012:user/admin ",
            "arn:aws:iam::123456789012:role/ops/CatalogEditor", "arn:aws:sts::123456789012:assumed-role/Auditor/alice", ""));

    @Test
    void anAllowListedUser_isAllowed_andNoOtherUser() {
        assertThat(admins.allows("arn:aws:iam::123456789012:user/admin")).isTrue();
        assertThat(admins.allows("arn:aws:iam::123456789012:user/admin2")).isFalse();
        assertThat(admins.allows("arn:aws:iam::210987654321:user/admin")).isFalse();
    }

    @Test
    void aSessionOfAnAllowListedRole_isAllowed_whateverTheRolePathOrSessionName() {
        assertThat(admins.allows("arn:aws:sts::123456789012:assumed-role/CatalogEditor/bob")).isTrue();
        assertThat(admins.allows("arn:aws:sts::123456789012:assumed-role/catalogeditor/ci-1700000000")).isTrue();
    }

    @Test
    void aSessionOfAnotherRole_orOfTheRoleInAnotherAccountOrPartition_isRefused() {
        assertThat(admins.allows("arn:aws:sts::123456789012:assumed-role/CatalogEditorX/bob")).isFalse();
        assertThat(admins.allows("arn:aws:sts::210987654321:assumed-role/CatalogEditor/bob")).isFalse();
        assertThat(admins.allows("arn:aws-cn:sts::123456789012:assumed-role/CatalogEditor/bob")).isFalse();
        // the role itself never signs a request; its ARN as caller is no session
        assertThat(admins.allows("arn:aws:iam::123456789012:role/CatalogEditor")).isFalse();
    }

    @Test
    void anAllowListedSession_admitsOnlyThatSession() {
        assertThat(admins.allows("arn:aws:sts::123456789012:assumed-role/Auditor/alice")).isTrue();
        assertThat(admins.allows("arn:aws:sts::123456789012:assumed-role/Auditor/mallory")).isFalse();
    }

    @Test
    void anEmptyList_allowsNoOne_andBlankEntriesAreIgnored() {
        AdminPrincipals none = new AdminPrincipals(List.of(""));

        assertThat(none.principalArns()).isEmpty();
        assertThat(new AdminPrincipals(null).principalArns()).isEmpty();
        assertThat(none.allows("arn:aws:iam::123456789012:user/admin")).isFalse();
        assertThat(none.allows("")).isFalse();
        assertThat(admins.principalArns()).hasSize(3);
        assertThat(admins.allows(null)).isFalse();
    }
}
