package org.reachpbx.directory.integrations;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Voicemail messages per tenant and box. */
public interface VoicemailMessageRepository extends JpaRepository<VoicemailMessage, Long> {

    List<VoicemailMessage> findByTenantIdAndBoxOrderByReceivedAtDescIdDesc(long tenantId, String box);

    List<VoicemailMessage> findByTenantIdAndBoxAndStateOrderByReceivedAtDescIdDesc(long tenantId, String box,
                                                                                   VoicemailState state);

    Optional<VoicemailMessage> findByIdAndTenantIdAndBox(long id, long tenantId, String box);

    long countByTenantIdAndBoxAndState(long tenantId, String box, VoicemailState state);
}
