// Gecode peer for the enumeration benchmarks (issue 9): reads a model in the plain form written by
// Configurator.Benchmarks (PlainModel.cs), posts one extensional constraint per table, branches on
// the smallest domain first with the smallest value, and counts the first LIMIT solutions found by
// depth-first search. Prints: solutions, seconds (search only), and a checksum of the first
// variable's values so that the work cannot be skipped.
//
// Build: g++ -O2 -std=c++17 enumerate.cpp -o enumerate -lgecodesearch -lgecodeint -lgecodekernel -lgecodesupport
// Usage: enumerate MODEL.txt LIMIT

#include <gecode/int.hh>
#include <gecode/search.hh>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace Gecode;

struct Table {
  bool allowed;
  std::vector<int> scope;
  std::vector<std::vector<int>> rows;
};

class Configurations : public Space {
public:
  IntVarArray x;

  Configurations(const std::vector<int>& sizes, const std::vector<Table>& tables)
      : x(*this, static_cast<int>(sizes.size())) {
    for (int i = 0; i < x.size(); i++) {
      x[i] = IntVar(*this, 0, sizes[i] - 1);
    }
    for (const Table& table : tables) {
      const int arity = static_cast<int>(table.scope.size());
      TupleSet tuples(arity);
      for (const std::vector<int>& row : table.rows) {
        IntArgs values(arity);
        for (int i = 0; i < arity; i++) values[i] = row[i];
        tuples.add(values);
      }
      tuples.finalize();
      IntVarArgs scope(arity);
      for (int i = 0; i < arity; i++) scope[i] = x[table.scope[i]];
      extensional(*this, scope, tuples, table.allowed);
    }
    branch(*this, x, INT_VAR_SIZE_MIN(), INT_VAL_MIN());
  }

  Configurations(Configurations& other) : Space(other) { x.update(*this, other.x); }

  Space* copy() override { return new Configurations(*this); }
};

int main(int argc, char* argv[]) {
  if (argc != 3) {
    std::cerr << "usage: enumerate MODEL.txt LIMIT\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  const long long limit = std::stoll(argv[2]);
  std::string word;
  int n = 0, m = 0;
  if (!(in >> word >> n) || word != "variables") {
    std::cerr << argv[1] << ": expected 'variables N' on line 1\n";
    return 2;
  }
  std::vector<int> sizes(n);
  for (int& size : sizes) in >> size;
  in >> word >> m;
  std::vector<Table> tables(m);
  for (Table& table : tables) {
    int arity = 0, count = 0;
    in >> word >> arity >> count;
    table.allowed = word == "allowed";
    table.scope.resize(arity);
    for (int& v : table.scope) in >> v;
    table.rows.assign(count, std::vector<int>(arity));
    for (std::vector<int>& row : table.rows)
      for (int& value : row) in >> value;
  }
  if (!in) {
    std::cerr << argv[1] << ": truncated or malformed model\n";
    return 2;
  }

  auto* root = new Configurations(sizes, tables);
  const auto start = std::chrono::steady_clock::now();
  DFS<Configurations> search(root);
  delete root;
  long long found = 0, checksum = 0;
  while (found < limit) {
    Configurations* solution = search.next();
    if (solution == nullptr) break;
    checksum += solution->x.size() > 0 ? solution->x[0].val() : 0;
    found++;
    delete solution;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%lld %.6f %lld\n", found, seconds, checksum);
  return 0;
}
