/** The files of config/, bundled into the Worker (it has no filesystem). */
import regionsJson from '../../config/regions.json';
import sourcesJson from '../../config/sources.json';
import topicsJson from '../../config/topics.json';
import feedsJson from '../../config/feeds.json';
import type { ConfigFiles } from '../configData.js';

export const bundledConfigFiles: ConfigFiles = {
  'topics.json': topicsJson,
  'regions.json': regionsJson,
  'feeds.json': feedsJson,
  'sources.json': sourcesJson,
};
