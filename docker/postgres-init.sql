-- One database per service, as the local platform creates them.
CREATE DATABASE members;
CREATE DATABASE subscriptions;
CREATE DATABASE bookings;
CREATE DATABASE billing;
