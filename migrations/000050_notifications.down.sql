DROP TABLE mail_queue;
DROP TABLE smtp_setting;
DROP TABLE notify_pref;
DROP TABLE notification;
