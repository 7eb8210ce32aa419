-- Runs once, when the postgres container initialises an empty data volume
-- (/docker-entrypoint-initdb.d). Each service owns its database and creates its
-- tables itself with Flyway on start.
CREATE DATABASE order_service;
CREATE DATABASE inventory_service;
CREATE DATABASE payment_service;
CREATE DATABASE notification_service;
