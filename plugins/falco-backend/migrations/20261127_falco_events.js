// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('falco_events', table => {
    table.comment('Every Falco event received, until retention deletes it');
    table.bigIncrements('id').primary();
    table
      .string('event_key', 64)
      .notNullable()
      .unique()
      .comment('uuid when the sender set one, else sha256 of time, rule, hostname and output_fields');
    table.string('time', 40).notNullable().comment('ISO 8601 exactly as sent (nanoseconds)');
    table.timestamp('time_at', { useTz: true }).notNullable().comment('time, to millisecond precision, for queries');
    table.string('day', 10).notNullable().comment('UTC day of time, YYYY-MM-DD');
    table.string('rule', 255).notNullable();
    table.string('priority', 16).notNullable().comment('lower-case Falco priority');
    table.integer('priority_rank').notNullable().comment('0 = emergency ... 7 = debug');
    table.text('output').notNullable();
    table.string('source', 64).notNullable();
    table.string('hostname', 255).nullable();
    table.text('tags').notNullable().comment('JSON array');
    table.text('output_fields').notNullable().comment('JSON object, values as sent');
    table.string('namespace', 255).nullable().comment('k8s.ns.name');
    table.string('pod', 255).nullable().comment('k8s.pod.name');
    table.string('container_image', 512).nullable().comment('container.image.repository');
    table.string('entity_ref', 255).nullable().comment('null while no component matches');
    table.string('mapped_by', 32).nullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'time_at'], 'falco_events_entity_time_idx');
    table.index(['time_at'], 'falco_events_time_idx');
  });
  await knex.schema.createTable('falco_daily_counts', table => {
    table.comment('Events per UTC day, component and priority; outlives event retention');
    table.string('day', 10).notNullable();
    table.string('entity_ref', 255).notNullable().comment("'' for unmapped events");
    table.string('priority', 16).notNullable();
    table.integer('count').notNullable();
    table.primary(['day', 'entity_ref', 'priority']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('falco_daily_counts');
  await knex.schema.dropTable('falco_events');
};
