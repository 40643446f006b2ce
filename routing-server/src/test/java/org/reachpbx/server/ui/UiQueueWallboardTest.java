package org.reachpbx.server.ui;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reachpbx.server.queue.QueueLiveState;
import org.reachpbx.server.queue.QueueLiveState.QueueKey;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The queue wallboard in the browser (QUE-39, issue 13) follows the queue's live state by itself
 * while it is open: a caller joins queue 400 of the demo tenant (as the queue runtime records a
 * waiting call), the tile shows one waiting without a reload, and none again when the caller leaves.
 */
class UiQueueWallboardTest extends DemoTenantBrowserTest {

    @Autowired
    QueueLiveState queues;

    @Test
    void theWallboardShowsACallerWaitingAndLeavingWithoutAReload() {
        QueueKey q = new QueueKey(demo, "400");
        String call = "ui-wallboard-" + System.nanoTime();
        try {
            browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
            browser.open("/ui/queues");
            browser.waitForText(By.id("queue-400-waiting"), "0");
            browser.screenshot("queues-wallboard-idle");

            queues.join(q, call, Instant.now().minusSeconds(75), false);
            // no reload: the view polls the board every 3 s
            browser.waitForText(By.id("queue-400-waiting"), "1");
            browser.screenshot("queues-wallboard-waiting");

            queues.leave(q, call);
            browser.waitForText(By.id("queue-400-waiting"), "0");
        } finally {
            queues.leave(q, call);
        }
    }
}
