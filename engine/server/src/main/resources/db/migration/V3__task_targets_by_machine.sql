-- A machine's recent tasks (the Server Manager's details pane, TaskRepository.targetsOfMachine) and the lookup of a
-- machine by its thumbprint (adding a Tentacle refuses a certificate already registered) read by these columns.
CREATE INDEX server_task_targets_by_machine ON server_task_targets (machine_id, task_id);
CREATE INDEX machines_by_thumbprint ON machines (thumbprint);
