import { attachAreas } from './membership/areas/area-directory';
import {
  createContext as createPlatformContext,
  type AppContext,
  type ContextOptions,
} from './platform/context';

/** Builds the application context: the platform's part, then what membership attaches to it. */
export async function createContext(options: ContextOptions): Promise<AppContext> {
  return createPlatformContext(options, attachAreas);
}
