import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'zorgroute:isPublic';

/** Marks a resolver or route as reachable without a token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
