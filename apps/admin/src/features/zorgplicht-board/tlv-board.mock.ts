import { TLV_BOARD_QUERY, type TlvBoard } from './tlv-board.graphql';

/** The TLV section's query answered for component specs (empty unless told). */
export function tlvBoardMock(board: Partial<TlvBoard> = {}) {
  return {
    request: { query: TLV_BOARD_QUERY, variables: {} },
    result: { data: { tlvBoard: { __typename: 'TlvBoard', today: '2026-11-20', requests: [], expiring: [], ...board } } },
  };
}
