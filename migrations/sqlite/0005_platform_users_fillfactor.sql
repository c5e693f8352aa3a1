-- PostgreSQL's 0005 leaves free space in platform_users pages for in-place updates; SQLite
-- has no such setting. This migration keeps the two histories numbered alike.
SELECT 1;
