package org.reachpbx.directory.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One file of golden cases (testdata/golden/*.yaml): a tenant (a path to a tenant YAML file,
 * relative to the golden file, optionally patched by {@code tenantPatch}) and cases, each an
 * attempt with the decision expected. See testdata/golden/README.md.
 */
public class GoldenCaseFile {
    public String tenant;
    /** A YAML object merged over the tenant document (maps merge by key, lists and values replace). */
    public JsonNode tenantPatch;
    public List<Case> cases = new ArrayList<>();

    public static class Case {
        public String name;
        /** The requirement IDs this case covers (FEATURES.md). */
        public List<String> covers = new ArrayList<>();
        public Attempt attempt;
        /** A subset of the decision's JSON that must match (maps by key, lists element by element). */
        public JsonNode expect;
        /** Requirement IDs whose rules must have fired. */
        public List<String> fired = new ArrayList<>();
        /** Requirement IDs whose rules must not have fired. */
        public List<String> notFired = new ArrayList<>();
        /** Instead of {@link #fired}: why no rule can be named that must fire (e.g. only a table decides). */
        public String noFiredBecause;
        /** A per-case patch over the file's tenant. */
        public JsonNode tenantPatch;
    }

    public static class Attempt {
        /** trunk (from outside to a public number) or device (placed by a user or channel). */
        public String from = "trunk";
        public String caller;
        public String callerExtension;
        public String channel;
        public String deviceType;
        public String dialled;
        /**
         * Local date-time in the tenant's zone, e.g. 2026-11-24T10:00 (a Tuesday). A local time that
         * does not exist (in a daylight-saving gap) moves forward by the gap; an ambiguous one (the
         * repeated hour in autumn) is the earlier instant. Give {@link #instant} for an exact moment.
         */
        public String time;
        /** An absolute moment (ISO-8601 with Z or an offset, e.g. 2026-03-30T06:00:00Z); instead of {@link #time}. */
        public String instant;
        public String sourceIp;
        public String lastLoginIp;
        public List<String> busy = new ArrayList<>();
        public List<String> unreachable = new ArrayList<>();
        public List<String> roaming = new ArrayList<>();
        public Map<String, Integer> callLimitCalls = Map.of();
        public int externalCalls;
        public String resumeAt;
        public String digits;
        /** The collect decision's displayPrefix, passed back with the digits (IVR-07). */
        public String resumePrefix;
    }
}
