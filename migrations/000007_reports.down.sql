DROP TABLE IF EXISTS report_event, report_comment, report_action, report_attendee, report;
