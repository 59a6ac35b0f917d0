// `npm run db:migrate`: applies pending migrations to DATABASE_PATH.
import { databasePath, openDatabase } from "./client";

const file = databasePath();
const db = openDatabase(file);
db.$client.close();
console.log(`migrations applied to ${file}`);
