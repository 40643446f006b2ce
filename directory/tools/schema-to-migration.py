#!/usr/bin/env python3
"""Turns the DDL Hibernate derives from the entities (see SchemaScriptGenerator) into the style of
this project's Flyway migrations: enums as VARCHAR, readable constraint names, utf8mb4 on MariaDB.
Usage: schema-to-migration.py <generated.sql> <migration.sql> <H2|MariaDB>
The result is a starting point; review it before committing a migration."""
import re, sys

def convert(src, dst, vendor):
    s = open(src).read()
    def enum_repl(m):
        vals = re.findall(r"'([^']*)'", m.group(1))
        return "varchar(%d)" % max(20, max(len(v) for v in vals) + 10)
    s = re.sub(r"enum \(([^)]*)\)", enum_repl, s)
    s = re.sub(r"alter table if exists (\w+) add constraint FK\w+ foreign key \(([^)]*)\) references (\w+)",
               lambda m: "alter table %s add constraint fk_%s_%s foreign key (%s) references %s"
               % (m.group(1), m.group(1), m.group(2).replace(', ', '_'), m.group(2), m.group(3)), s)
    s = re.sub(r"alter table if exists (\w+) add constraint UK\w+ unique \(([^)]*)\)",
               lambda m: "alter table %s add constraint uk_%s_%s unique (%s)"
               % (m.group(1), m.group(1), m.group(2).replace(', ', '_'), m.group(2)), s)
    s = s.replace("alter table if exists", "alter table")
    s = re.sub(r"constraint UK\w+ unique \(([^)]*)\)", lambda m: "unique (%s)" % m.group(1), s)
    # embedded booleans are always written, even though Hibernate allows null for embeddables
    s = re.sub(r"(facility_\w+) (bit|boolean),", r"\1 \2 not null,", s)
    if vendor == "MariaDB":
        s = s.replace(") engine=InnoDB;", ") engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;")
    header = ("-- Configuration store, version 1: every configured thing of a tenant (see docs/tenant-yaml.md).\n"
              "-- Derived from the JPA entities (SchemaScriptGenerator, tools/schema-to-migration.py) for %s\n"
              "-- and reviewed by hand; the application runs with ddl-auto=validate, so entities and this\n"
              "-- schema cannot drift apart.\n\n") % vendor
    open(dst, "w").write(header + s.replace(";", ";\n").replace("\n\n", "\n"))

if __name__ == "__main__":
    convert(sys.argv[1], sys.argv[2], sys.argv[3])
