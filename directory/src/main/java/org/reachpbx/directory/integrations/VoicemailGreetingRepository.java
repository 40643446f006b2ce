package org.reachpbx.directory.integrations;

import org.springframework.data.jpa.repository.JpaRepository;

/** Greetings recorded by phone. */
public interface VoicemailGreetingRepository extends JpaRepository<VoicemailGreeting, VoicemailGreeting.Key> {
}
